import AtomscaleApp
import Foundation

exit(await AtomscaleMain.run(arguments: Array(CommandLine.arguments.dropFirst())))
