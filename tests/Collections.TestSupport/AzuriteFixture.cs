using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Collections.Pipeline.Storage;
using Xunit;

namespace Collections.TestSupport;

/// <summary>
/// Starts the repository's pinned Azurite (<c>node_modules/.bin/azurite</c>, installed by <c>npm ci</c>) in memory on
/// three free loopback ports, waits until each answers, and kills the process tree on dispose. Use it as an xUnit
/// collection fixture: declare <c>[CollectionDefinition(AzuriteFixture.CollectionName)] class X : ICollectionFixture&lt;AzuriteFixture&gt;</c>
/// in the test assembly.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>The conventional collection name for tests sharing one Azurite.</summary>
    public const string CollectionName = "Azurite";

    /// <summary>The emulator's well-known account.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>The emulator's well-known key.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly StringBuilder _output = new();
    private Process? _process;

    /// <summary>The blob service port.</summary>
    public int BlobPort { get; private set; }

    /// <summary>The queue service port.</summary>
    public int QueuePort { get; private set; }

    /// <summary>The table service port.</summary>
    public int TablePort { get; private set; }

    /// <summary>Path-style blob endpoint, e.g. <c>http://127.0.0.1:P/devstoreaccount1</c>.</summary>
    public string BlobEndpoint => Endpoint(BlobPort);

    /// <summary>Path-style queue endpoint.</summary>
    public string QueueEndpoint => Endpoint(QueuePort);

    /// <summary>Path-style table endpoint.</summary>
    public string TableEndpoint => Endpoint(TablePort);

    /// <summary>A Shared Key connection string with explicit endpoints for this instance.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";

    /// <summary>A blob service client for this instance, with the app's options (<see cref="StorageClientOptions"/>).</summary>
    public BlobServiceClient CreateBlobServiceClient() => new(ConnectionString, StorageClientOptions.Blob());

    /// <summary>A queue service client for this instance, with the app's options (Base64 messages).</summary>
    public QueueServiceClient CreateQueueServiceClient() => new(ConnectionString, StorageClientOptions.Queue());

    /// <summary>A table service client for this instance, with the app's options.</summary>
    public TableServiceClient CreateTableServiceClient() => new(ConnectionString, StorageClientOptions.Table());

    /// <summary>Finds the directory holding <c>CollectionsFunctions.sln</c>, walking up from the test's base directory.</summary>
    public static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CollectionsFunctions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Could not find CollectionsFunctions.sln above {AppContext.BaseDirectory}.");
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var root = FindRepositoryRoot();
        var executable = Path.Combine(root, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Azurite is not installed at {executable}: run `npm ci` in {root}.");
        }

        // A free port can be taken by another process between choosing it and Azurite binding it. Then Azurite exits
        // with EADDRINUSE while the other listener would still answer a plain connect, so readiness is Azurite's own
        // "successfully listening" line for each port, and a lost race starts again on fresh ports.
        for (var attempt = 1; ; attempt++)
        {
            if (await TryStartAsync(executable, root).ConfigureAwait(false))
            {
                return;
            }

            var output = Output();
            await DisposeAsync().ConfigureAwait(false);
            if (attempt == 3 || !output.Contains("EADDRINUSE", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Azurite did not start (is `npm ci` done?). Output:\n{output}");
            }

            lock (_output)
            {
                _output.Clear();
            }
        }
    }

    private async Task<bool> TryStartAsync(string executable, string root)
    {
        var ports = FreePorts(3);
        (BlobPort, QueuePort, TablePort) = (ports[0], ports[1], ports[2]);
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = root,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
        {
            "--inMemoryPersistence", "--disableTelemetry", "--silent",
            "--blobHost", "127.0.0.1", "--blobPort", P(BlobPort),
            "--queueHost", "127.0.0.1", "--queuePort", P(QueuePort),
            "--tableHost", "127.0.0.1", "--tablePort", P(TablePort),
        })
        {
            start.ArgumentList.Add(arg);
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        foreach (var port in ports)
        {
            var listening = $"successfully listening at http://127.0.0.1:{P(port)}";
            while (!Output().Contains(listening, StringComparison.Ordinal) || !await AnswersAsync(port).ConfigureAwait(false))
            {
                if (_process.HasExited || deadline.Elapsed > StartTimeout)
                {
                    return false;
                }

                await Task.Delay(100).ConfigureAwait(false);
            }
        }

        return true;
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_process is null)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            // Already gone, or stuck: nothing more a test fixture can do.
        }
        finally
        {
            _process.Dispose();
            _process = null;
        }
    }

    private static string Endpoint(int port) => $"http://127.0.0.1:{P(port)}/{AccountName}";

    private static string P(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        try
        {
            foreach (var listener in listeners)
            {
                listener.Start();
            }

            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }

    private static async Task<bool> AnswersAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port).WaitAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or TimeoutException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.Length == 0 ? "(no output)" : _output.ToString();
        }
    }
}
