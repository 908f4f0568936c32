// The command-line side of the one binary: validate, simulate, export.
#pragma once

namespace podscape {

// Runs a subcommand if argv names one and returns its exit code; returns -1 when the GUI should
// start instead (no subcommand: `podscape [FILES...]`).
int runCommandLine(int argc, char **argv);

}  // namespace podscape
