using System.Runtime.InteropServices;
using System.Text;
using Extractor.Cli;
using Extractor.IO.Output;
using Extractor.IO.StandardStreams;

// Before anything allocates: the model's arrays then fault in 2 MB pages (HugePages says why), and an extraction
// over a few articles never stops to collect (StartupHeap; not for --version or --help, which would only pay for
// setting the memory aside: 1 ms of the native binary's 19). `extractor --version`, which scripts call to check what
// they run, prints two lines and needs none of this, nor the signal handlers and the large stdout buffer below:
// skipping them took 1.2 ms of its 15.5 (#33).
bool versionOnly = args is ["--version"];
// In a build that compiles code as it runs, the shared tables and output schemas are built on the spare core while the
// command line is set up (SpareCoreWarmup); the native binary starts nothing here.
_ = SpareCoreWarmup.Start(args);
if (!versionOnly) HugePages.Advise();
if (args.Length > 0 && args[0] == "extract") StartupHeap.Reserve();

// Ctrl-C and SIGTERM are handled here rather than by System.CommandLine, whose handler ends the process
// two seconds after the signal whether or not the command has finished: that could cut a record in half
// and leave -o's temporary file behind. The first signal asks the command to stop at the next record
// boundary and clean up; a second one ends the process at once, for a run stuck on a blocked write.
// Only extract and clusters watch for the request; for the other commands the signal ends the process as usual.
using var interrupt = new CancellationTokenSource();
bool graceful = args.Length > 0 && args[0] is "extract" or "clusters";
Action<PosixSignalContext> handler = context =>
{
    context.Cancel = graceful && !interrupt.IsCancellationRequested;
    interrupt.Cancel();
};
using var sigint = versionOnly ? null : PosixSignalRegistration.Create(PosixSignal.SIGINT, handler);
using var sigterm = versionOnly ? null : PosixSignalRegistration.Create(PosixSignal.SIGTERM, handler);

// A buffered, BOM-less UTF-8 stdout with "\n" line ends: records are flushed whole, per document,
// instead of Console.Out's flush on every write. Opened after the signals are watched, so that a signal in the
// first milliseconds is the same interruption (exit 130) as a later one; before Main runs, the default still applies.
var stdout = new StreamWriter(OpenStandardOutput(), new UTF8Encoding(false), versionOnly ? 256 : 1 << 16) { NewLine = "\n" };
var stderr = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { NewLine = "\n", AutoFlush = true };

int code = CliApp.Run(args, stdout, stderr, cancel: interrupt.Token);
if (code == ExitCodes.OutputFailed) return code;
try { stdout.Flush(); }
catch (OutputClosedException) { /* the reader closed the pipe; what it took is complete */ }
catch (OutputFailedException e)
{
    stderr.WriteLine($"error: standard output: {e.Message}");
    return ExitCodes.OutputFailed;
}
return code;

// On Unix, write(2) on descriptor 1 at the position the shell shares with other commands; the console's own
// stream swallows EPIPE, so a closed pipe (`extractor extract big/ | head`) would go unnoticed.
static Stream OpenStandardOutput() => OperatingSystem.IsWindows()
    ? Console.OpenStandardOutput()
    : new StandardOutputStream(closed: StandardDescriptors.WasClosed(1));
