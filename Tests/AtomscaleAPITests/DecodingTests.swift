import Foundation
import Testing
@testable import AtomscaleAPI

/// Catalogue, frames and image-link bodies: partial and odd payloads decode, wrong shapes
/// fail with a message saying what arrived.
@Suite struct DecodingTests {
    func decodingMessage<T>(_ body: () throws -> T) -> String? {
        do { _ = try body(); return nil } catch {
            if case .decoding(let m)? = error as? APIError { return m }
            return "not .decoding: \(error)"
        }
    }

    @Test func catalogueToleratesNullsMissingFieldsAndStringNumbers() throws {
        let body = json(#"""
        [
          {"data_id": "a", "char_source_type": "optical", "raw_name": null, "growth_length": "12.5",
           "tags": ["x", {"name": "y"}, 3], "projects": [{"id": 7, "name": "P"}, "loose"], "future_field": {"k": [1, true]},
           "file_metadata": null, "flag": true, "count": 1},
          {"raw_name": "no id"},
          {"data_id": ""},
          "not an object",
          null,
          {"data_id": 12345, "pipeline_status": "running"}
        ]
        """#)
        let entries = try APIDecoding.catalogue(body)
        #expect(entries.map(\.dataID) == ["a", "12345"])
        let a = entries[0]
        #expect(a.isOptical && a.rawName == nil && a.growthLength == 12.5)
        #expect(a.tags == ["x", "y", "3"])
        #expect(a.projects == [.init(id: "7", name: "P"), .init(id: nil, name: "loose")])
        #expect(a.fields["future_field"] == .object(["k": .array([.number(1), .bool(true)])]))
        #expect(a.fields["file_metadata"] == .null)
        #expect(a.fields["flag"] == .bool(true))
        #expect(a.fields["count"] == .number(1))
        #expect(entries[1].pipelineStatus == "running" && !entries[1].isOptical)
    }

    @Test func catalogueMustBeAnArray() {
        #expect(decodingMessage { try APIDecoding.catalogue(json(#"{"items": []}"#)) }
                == "expected a JSON array of catalogue entries, got an object")
        #expect(decodingMessage { try APIDecoding.catalogue(json(#"{"detail": "Not authenticated"}"#)) }?
                .contains("Not authenticated") == true)
        #expect(decodingMessage { try APIDecoding.catalogue(json("null")) } == "expected a JSON array of catalogue entries, got null")
        #expect(decodingMessage { try APIDecoding.catalogue(json("\"x\"")) }?.contains("got a string") == true)
        #expect(decodingMessage { try APIDecoding.catalogue(json("")) }?.contains("empty") == true)
        #expect(decodingMessage { try APIDecoding.catalogue(json("[{\"data_id\": \"a\"}, {\"data")) }?.contains("malformed or truncated JSON") == true)
        let html = decodingMessage { try APIDecoding.catalogue(json("<!DOCTYPE html><html><body><h1>Sign in</h1><script>x()</script></body></html>")) }
        #expect(html?.contains("HTML") == true && html?.contains("Sign in") == true, "\(html ?? "")")
        #expect(html?.contains("<") == false && html?.contains("x()") == false)
        #expect((try? APIDecoding.catalogue(json(" [] \n"))) == [])
    }

    @Test func framesKeepOrderCountSkippedAndKeepUnknownKeys() throws {
        let body = json(#"""
        {"video_uuid": "v-1", "frames": [
          {"image_uuid": "f0", "processed_file_metadata": {"file_type": "png", "width": "1920", "height": 1080.0},
           "time_seconds": "1.5", "frame_number": 3, "quality": {"blur": 0.1}},
          {"processed_file_metadata": {"file_type": "png"}},
          {"image_uuid": null},
          42,
          {"image_uuid": "f1", "timestamp_seconds": 2.25, "processed_file_metadata": null},
          {"image_uuid": "f2"}
        ], "extra": 1}
        """#)
        let list = try APIDecoding.frames(body)
        #expect(list.videoUUID == "v-1")
        #expect(list.frames.map(\.imageUUID) == ["f0", "f1", "f2"])
        #expect(list.frames.map(\.index) == [0, 1, 2])
        #expect(list.skipped == 3)
        let f0 = list.frames[0]
        #expect(f0.fileType == "png" && f0.width == 1920 && f0.height == 1080)
        #expect(f0.timeSeconds == 1.5 && f0.frameNumber == 3)
        #expect(f0.fields["quality"] == .object(["blur": .number(0.1)]))
        #expect(list.frames[1].timeSeconds == 2.25 && list.frames[1].width == nil)
    }

    @Test func framesMissingOrNullIsEmptyButWrongTypesAreErrors() throws {
        #expect(try APIDecoding.frames(json(#"{"video_uuid": "v"}"#)) == FrameList(videoUUID: "v", frames: []))
        #expect(try APIDecoding.frames(json(#"{"frames": null}"#)).frames.isEmpty)
        #expect(try APIDecoding.frames(json(#"[{"image_uuid": "bare"}]"#)).frames.map(\.imageUUID) == ["bare"])
        #expect(decodingMessage { try APIDecoding.frames(json(#"{"frames": "f0,f1"}"#)) }?.contains("got a string") == true)
        #expect(decodingMessage { try APIDecoding.frames(json("17")) }?.contains("got a number") == true)
        #expect(decodingMessage { try APIDecoding.frames(json("")) } != nil)
        #expect(decodingMessage { try APIDecoding.frames(json("<html><title>Proxy</title></html>")) }?.contains("HTML") == true)
    }

    @Test func imageLinkNeedsAnHTTPURLAndNeverQuotesIt() throws {
        let ok = try APIDecoding.imageLink(json(#"{"url": "https://bucket.example/k.png?sig=abc", "file_name": "", "file_format": "png"}"#))
        #expect(ok.url.host == "bucket.example" && ok.fileName == nil && ok.fileFormat == "png")
        #expect(decodingMessage { try APIDecoding.imageLink(json(#"{"file_name": "x.png"}"#)) }?.contains("no \"url\"") == true)
        #expect(decodingMessage { try APIDecoding.imageLink(json(#"{"url": null}"#)) } != nil)
        #expect(decodingMessage { try APIDecoding.imageLink(json(#"["https://x.example/"]"#)) }?.contains("got an array") == true)
        for bad in ["file:///etc/passwd", "javascript:alert(1)", "ftp://h.example/secret-signature", "/relative/secret-signature"] {
            let message = decodingMessage { try APIDecoding.imageLink(json(#"{"url": "\#(bad)"}"#)) }
            #expect(message != nil, "\(bad)")
            #expect(message?.contains("secret-signature") == false && message?.contains("passwd") == false)
        }
    }

    @Test func errorBodiesBecomeShortCleanMessages() {
        #expect(ErrorBody.message(json(#"{"detail": "Video not found"}"#)) == "Video not found")
        #expect(ErrorBody.message(json(#"{"detail": [{"loc": ["query", "status"], "msg": "bad value", "type": "enum"}, {"loc": ["body"], "msg": "missing"}]}"#))
                == "query.status: bad value; body: missing")
        #expect(ErrorBody.message(json(#"{"detail": {"code": 7, "reason": "quota"}}"#)) == #"{"code":7,"reason":"quota"}"#)
        #expect(ErrorBody.message(json(#"{"message": "rate limited"}"#)) == "rate limited")
        #expect(ErrorBody.message(json("")) == "")
        let hostile = ErrorBody.message(json(#"{"detail": "red\u001b[31m alert\u0007 \u202Eevil\n\nline"}"#))
        #expect(hostile == "red [31m alert evil line", "\(hostile)")
        let page = "<html><head><title>502 Bad Gateway</title><style>body{color:red}</style></head><body>\n<center><h1>502 Bad Gateway</h1></center><hr><center>nginx &amp; co</center>" + String(repeating: "<p>filler text</p>", count: 50) + "</body></html>"
        let excerpt = ErrorBody.message(json(page))
        #expect(excerpt.hasPrefix("502 Bad Gateway 502 Bad Gateway nginx & co filler text"), "\(excerpt)")
        #expect(excerpt.count <= 120 && !excerpt.contains("<") && !excerpt.contains("color:red"))
        #expect(ErrorBody.message(json("plain\ttext\r\nerror")) == "plain text error")
    }
}
