using System.Runtime.CompilerServices;
using Extractor.IO.Output;
using Extractor.Pipeline;

namespace Extractor.Cli;

/// <summary>
/// For <c>extract</c> in a build that compiles code as it runs (framework-dependent ReadyToRun, a plain
/// <c>dotnet build</c>): builds the shared tables and the output schemas on a spare core while the main thread sets
/// up the command line and reads the first input.
/// </summary>
/// <remarks>
/// In such a build start-up is mostly the runtime loading types and compiling what ReadyToRun left out, one thread at
/// a time on the way to the first row: the command line (~35 ms), then the shared tables beside the model (~35 ms),
/// then the first row's schemas (~25 ms). Both are needed by any run with text, and neither depends on an option, so
/// starting them at once overlaps them with the command line: start-up + one article 233 -> 191 ms (`ab.py 20`,
/// docs/performance.md). The native binary has nothing to compile; there the same work takes a few milliseconds and
/// an extra thread only slowed a run over an empty input (11.0 -> 13.6 ms), so it is not started. The work is
/// idempotent (lazily built, thread-safe tables), so the command's own calls simply find it done or wait for it.
/// </remarks>
internal static class SpareCoreWarmup
{
    /// <summary>Starts the warm-up when <paramref name="args"/> run <c>extract</c> and code is compiled at run time;
    /// returns its task, or null when nothing was started.</summary>
    public static Task? Start(string[] args) =>
        args is ["extract", ..] && RuntimeFeature.IsDynamicCodeCompiled ? Task.Run(Run) : null;

    private static void Run()
    {
        // Never awaited: should a table fail to build, the command meets the same failure when it needs the table (a
        // lazily built table keeps its exception) and reports it there; an unobserved task's exception ends nothing.
        EntityPipeline.PrepareShared();
        RecordWriters.Prepare();
    }
}
