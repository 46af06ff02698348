using System.Globalization;

namespace Collections.Benchmarks.Durable;

/// <summary>
/// CPU seconds used so far by this process's descendants (the Azurite the benchmark started), read from
/// <c>/proc/[pid]/stat</c> (utime + stime at 100 ticks per second, Linux); null where /proc is not readable or there is none (an emulator started by hand). Hand-written:
/// <see cref="System.Diagnostics.Process"/> gives no process tree on Linux.
/// </summary>
internal static class ChildCpu
{
    private const double TicksPerSecond = 100;

    public static double? Seconds()
    {
        try
        {
            var stats = Directory.EnumerateDirectories("/proc")
                .Select(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? Read(pid) : null)
                .OfType<Stat>()
                .ToList();
            var tree = new HashSet<int> { Environment.ProcessId };
            for (var grown = true; grown;)
            {
                grown = false;
                foreach (var s in stats.Where(s => tree.Contains(s.Parent) && tree.Add(s.Pid)))
                {
                    grown = true;
                }
            }

            var children = stats.Where(s => s.Pid != Environment.ProcessId && tree.Contains(s.Pid)).ToList();
            return children.Count == 0 ? null : children.Sum(s => s.Ticks) / TicksPerSecond;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static Stat? Read(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command (in parentheses, which may hold spaces): state, ppid, ..., utime (14th), stime (15th).
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return new Stat(pid, int.Parse(fields[1], CultureInfo.InvariantCulture), long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return null; // gone meanwhile
        }
    }

    private sealed record Stat(int Pid, int Parent, long Ticks);
}
