using System.Diagnostics;
using System.Text;

namespace Extractor.Tests.Reliability;

/// <summary>
/// The built CLI (<c>extractor.dll</c>, copied beside the test assembly through the project reference) run as a
/// real child process, for what only a process has: signals, a closed stdout pipe, file permissions.
/// </summary>
/// <remarks>
/// Every wait is bounded so a regression fails the test instead of hanging the run; the process is killed
/// on dispose if it is still running.
/// </remarks>
internal sealed class ExtractorProcess : IDisposable
{
    /// <summary>How long any single wait may take on a loaded two-core machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly Lazy<bool> CanResetSignals = new(() => Succeeds("env", "--default-signal=INT", "true"));

    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    private ExtractorProcess(Process process)
    {
        _process = process;
        process.ErrorDataReceived += (_, e) => { lock (_stderr) { if (e.Data is not null) _stderr.Append(e.Data).Append('\n'); } };
        process.BeginErrorReadLine();
    }

    /// <summary>The child's standard output, to read raw.</summary>
    public Stream Stdout => _process.StandardOutput.BaseStream;

    /// <summary>Everything the child wrote on stderr so far (all of it once it has exited).</summary>
    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    public int ExitCode => _process.ExitCode;

    /// <summary>Whether setpriv is there to run the child as <c>nobody</c> (needed to test permissions when the tests run as root).</summary>
    public static bool CanRunAsNobody => OperatingSystem.IsLinux() && Succeeds("setpriv", "--version");

    /// <summary>Starts <c>dotnet extractor.dll ARGS</c>, optionally as user and group 65534 (nobody), with <paramref name="stdin"/> (or nothing) on its standard input
    /// and <paramref name="environment"/> added to its environment.</summary>
    public static ExtractorProcess Start(IEnumerable<string> args, bool asNobody = false, byte[]? stdin = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var command = new List<string>();
        // A test host started in the background may have inherited SIGINT as ignored, which a child keeps; reset it.
        if (CanResetSignals.Value) command.AddRange(["env", "--default-signal=INT"]);
        if (asNobody) command.AddRange(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]);
        command.AddRange(["dotnet", Path.Combine(AppContext.BaseDirectory, "extractor.dll")]);
        command.AddRange(args);
        var info = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in command.Skip(1)) info.ArgumentList.Add(arg);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["HOME"] = Path.GetTempPath();
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
        if (stdin is not null) process.StandardInput.BaseStream.Write(stdin);
        process.StandardInput.Close();
        return new ExtractorProcess(process);
    }

    /// <summary>Runs to the end and returns (exit code, stdout, stderr).</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(IEnumerable<string> args, bool asNobody = false, byte[]? stdin = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var child = Start(args, asNobody, stdin, environment);
        var stdout = child.ReadStdoutToEnd();
        child.WaitForExit();
        return (child.ExitCode, stdout, child.Stderr);
    }

    /// <summary>Reads stdout until the child closes it (bounded by <see cref="Patience"/>).</summary>
    public string ReadStdoutToEnd()
    {
        var read = _process.StandardOutput.ReadToEndAsync();
        Assert.True(read.Wait(Patience), "the child's stdout did not end in time");
        return read.GetAwaiter().GetResult();
    }

    /// <summary>Sends a signal by name (INT, TERM) with kill(1).</summary>
    public void Signal(string name) => Assert.True(Succeeds("kill", "-" + name, _process.Id.ToString()), $"kill -{name} failed");

    public bool HasExited => _process.HasExited;

    /// <summary>Waits for the exit, failing the test past <paramref name="limit"/> (default <see cref="Patience"/>).</summary>
    public void WaitForExit(TimeSpan? limit = null)
    {
        Assert.True(_process.WaitForExit(limit ?? Patience), $"the child did not exit in time; stderr so far:\n{Stderr}");
        _process.WaitForExit(); // drains the asynchronous stderr reader
    }

    /// <summary>Polls <paramref name="condition"/> until it holds, failing the test after <see cref="Patience"/>.</summary>
    public void WaitUntil(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.False(_process.HasExited, $"the child exited before {what}; stderr:\n{Stderr}");
            Assert.True(clock.Elapsed < Patience, $"timed out waiting until {what}");
            Thread.Sleep(20);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private static bool Succeeds(string file, params string[] args)
    {
        try
        {
            var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in args) info.ArgumentList.Add(arg);
            using var process = Process.Start(info)!;
            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            return process.WaitForExit(10_000) && process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
