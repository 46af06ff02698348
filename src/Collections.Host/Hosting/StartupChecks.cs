using System.Net.Sockets;
using Azure;
using Azure.Storage.Blobs;
using Collections.Operations.Hosting;

namespace Collections.Host.Hosting;

/// <summary>
/// What <c>serve</c> needs before it starts: storage reachable (its containers, queues and tables created) and, with
/// the SMTP provider, the SMTP server accepting connections. A failure is one line naming the endpoint and how to
/// start the local emulators, never a stack trace.
/// </summary>
internal static class StartupChecks
{
    private const string HowToStart = "start the local stack with `bash scripts/run-local.sh` (Azurite and MailDev), or point the settings at running services";
    private static readonly TimeSpan SmtpConnectTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Creates the storage layout; returns a one-line problem, or null when storage answered.</summary>
    public static async Task<string?> StorageAsync(StorageBootstrap bootstrap, BlobServiceClient blobs, CancellationToken cancellationToken)
    {
        try
        {
            await bootstrap.EnsureAsync(cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or AggregateException or SocketException or TimeoutException)
        {
            return $"Azure Storage is not reachable at {blobs.Uri.GetLeftPart(UriPartial.Authority)} ({Reason(ex)}): {HowToStart}.";
        }
    }

    /// <summary>Opens and closes one TCP connection to the SMTP server; returns a one-line problem, or null.</summary>
    public static async Task<string?> SmtpAsync(HostSettings settings, CancellationToken cancellationToken)
    {
        if (!string.Equals(settings.EmailProvider, "Smtp", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var (host, port) = (settings.Smtp.Host, settings.Smtp.Port);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(SmtpConnectTimeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, timeout.Token);
            return null;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return $"The SMTP server (MailDev locally) is not reachable at {host}:{port} ({Reason(ex)}): {HowToStart}.";
        }
    }

    private static string Reason(Exception ex) => ex switch
    {
        AggregateException { InnerException: { } inner } => Reason(inner),
        RequestFailedException { Status: > 0 } r => $"HTTP {r.Status} {r.ErrorCode}",
        RequestFailedException { InnerException: { } inner } => Reason(inner),
        HttpRequestException { InnerException: SocketException s } => s.SocketErrorCode.ToString(),
        SocketException s => s.SocketErrorCode.ToString(),
        OperationCanceledException => "no answer within " + SmtpConnectTimeout.TotalSeconds + " s",
        _ => ex.GetType().Name,
    };
}
