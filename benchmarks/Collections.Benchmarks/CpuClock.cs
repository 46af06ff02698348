using System.Diagnostics;

namespace Collections.Benchmarks;

/// <summary>
/// CPU time of this process since start: on a shared machine (load far above the core count) wall time
/// measures the neighbours, CPU time measures the code. Includes GC threads, so allocation costs count.
/// </summary>
internal readonly struct CpuClock
{
    private readonly TimeSpan _start;

    private CpuClock(TimeSpan start) => _start = start;

    public double Seconds
    {
        get
        {
            using var process = Process.GetCurrentProcess();
            return (process.TotalProcessorTime - _start).TotalSeconds;
        }
    }

    public static CpuClock Start()
    {
        using var process = Process.GetCurrentProcess();
        return new CpuClock(process.TotalProcessorTime);
    }
}
