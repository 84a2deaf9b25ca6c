import Driver
import Foundation

// The executable is a thin shell over the Driver library. `keepAlive` is a global, so
// `exit` leaves what it holds to the operating system instead of freeing it piece by piece.
let output = StandardOutput()
let keepAlive = KeepAlive()
let status = Driver(output: output, keepAlive: keepAlive).run(Array(CommandLine.arguments.dropFirst()))
output.flush()
exit(status)
