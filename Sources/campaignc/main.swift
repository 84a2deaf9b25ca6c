import Driver
import Foundation

// The executable is a thin shell over the Driver library.
let output = StandardOutput()
let status = Driver(output: output).run(Array(CommandLine.arguments.dropFirst()))
output.flush()
exit(status)
