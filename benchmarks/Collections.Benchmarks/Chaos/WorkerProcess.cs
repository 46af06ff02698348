using System.Diagnostics;
using System.Reflection;

namespace Collections.Benchmarks.Chaos;

/// <summary>
/// One run of the chaos worker as a child process (this executable, verb <c>chaos-worker</c>), its output appended
/// to a log file; <see cref="KillAsync"/> is <see cref="Process.Kill()"/>, which is SIGKILL on Linux.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _scheduled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Stopwatch _up = Stopwatch.StartNew();

    private WorkerProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public TimeSpan Uptime => _up.Elapsed;

    public bool IsReady => _ready.Task.IsCompleted;

    public bool HasExited => _process.HasExited;

    public Task Scheduled => _scheduled.Task;

    public static WorkerProcess Start(IEnumerable<string> args, TextWriter log)
    {
        var path = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var start = new ProcessStartInfo(path) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        if (string.Equals(Path.GetFileNameWithoutExtension(path), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        start.ArgumentList.Add("chaos-worker");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = start };
        var worker = new WorkerProcess(process);
        process.OutputDataReceived += (_, e) => worker.Line(e.Data, log);
        process.ErrorDataReceived += (_, e) => worker.Line(e.Data, log);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>SIGKILL, then waits for the exit.</summary>
    public async Task KillAsync()
    {
        try
        {
            _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // Exited already.
        }

        await _process.WaitForExitAsync();
    }

    public void Dispose() => _process.Dispose();

    private void Line(string? line, TextWriter log)
    {
        if (line is null)
        {
            return;
        }

        if (line.StartsWith(ChaosWorker.Ready, StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }

        if (line.StartsWith(ChaosWorker.Scheduled, StringComparison.Ordinal))
        {
            _scheduled.TrySetResult();
        }

        lock (log)
        {
            log.WriteLine($"[{_process.Id}] {line}");
        }
    }
}
