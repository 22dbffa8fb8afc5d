import AtomscaleAPI
import Foundation

/// Downloads are tested through the real client: its two-step fetch is what keeps the key
/// off the presigned host, and that is part of what these tests check.
func makeService(_ server: StorageServer) -> any AtomscaleService {
    AtomscaleClient(configuration: APIConfiguration(endpoint: server.apiURL, apiKey: StorageServer.key, timeout: 10,
                                                    retry: RetryPolicy(maxAttempts: 2, baseDelay: 0.01)))
}
