using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Xunit;

namespace Collections.TestSupport;

/// <summary>
/// Starts the pinned MailDev (node_modules/.bin/maildev, from <c>npm ci</c>) on free loopback SMTP and
/// web ports, waits until its REST API answers, and kills it on dispose. Outgoing relay stays off
/// (no <c>--outgoing-*</c> flags; inherited <c>MAILDEV_*</c> variables are removed) and mail is kept in a
/// temporary folder deleted afterwards. Use as an xUnit class or collection fixture.
/// </summary>
public sealed class MailDevFixture : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly string _mailDirectory = Directory.CreateTempSubdirectory("maildev-").FullName;
    private Process? _process;

    public string Host => "127.0.0.1";

    public int SmtpPort { get; private set; }

    public int WebPort { get; private set; }

    public HttpClient Http { get; } = new();

    public Uri WebEndpoint => new($"http://{Host}:{WebPort}/");

    public async Task InitializeAsync()
    {
        var executable = FindMailDev();
        SmtpPort = FreePort();
        WebPort = FreePort();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--smtp", SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--web", WebPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--ip", Host, "--web-ip", Host, "--mail-directory", _mailDirectory, "--silent",
        })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MAILDEV_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start maildev.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Http.BaseAddress = WebEndpoint;
        Http.Timeout = TimeSpan.FromSeconds(10);

        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"maildev exited with code {_process.ExitCode} before answering.");
            }

            try
            {
                using var response = await Http.GetAsync(new Uri("email", UriKind.Relative));
                if (response.IsSuccessStatusCode && await SmtpAnswersAsync())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (clock.Elapsed > StartTimeout)
            {
                throw new TimeoutException($"maildev did not answer on {WebEndpoint} within {StartTimeout}.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Every e-mail MailDev holds (<c>GET /email</c>).</summary>
    public async Task<IReadOnlyList<JsonElement>> GetEmailsAsync()
    {
        var json = await Http.GetStringAsync(new Uri("email", UriKind.Relative));
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    /// <summary>The raw RFC 5322 source of one e-mail (<c>GET /email/{id}/source</c>).</summary>
    public Task<string> GetSourceAsync(string id) =>
        Http.GetStringAsync(new Uri($"email/{Uri.EscapeDataString(id)}/source", UriKind.Relative));

    /// <summary>Waits (bounded) for an e-mail matching <paramref name="predicate"/>; MailDev stores asynchronously.</summary>
    public async Task<JsonElement> WaitForEmailAsync(Func<JsonElement, bool> predicate, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var match = (await GetEmailsAsync()).Where(predicate).ToList();
            if (match.Count > 0)
            {
                return match[0];
            }

            if (clock.Elapsed > limit)
            {
                throw new TimeoutException("No matching e-mail arrived in MailDev.");
            }

            await Task.Delay(50);
        }
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        if (_process is { } process)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(5000);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            process.Dispose();
            _process = null;
        }

        Http.Dispose();
        try
        {
            Directory.Delete(_mailDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder.
        }
    }

    private async Task<bool> SmtpAnswersAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(Host, SmtpPort);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindMailDev()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "node_modules", ".bin", "maildev");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("node_modules/.bin/maildev not found above " + AppContext.BaseDirectory + "; run `npm ci` at the repository root.");
    }
}
