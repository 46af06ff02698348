using Azure.Core;

namespace Collections.Storage;

/// <summary>Options shared by the blob, queue and table clients.</summary>
/// <remarks>
/// Retries: unless <see cref="ClientOptions.RetryPolicy"/> is set, the client installs a storage retry policy
/// built from <see cref="ClientOptions.Retry"/> when it is constructed. It retries 408, 429, 500, 502, 503, 504 and
/// transport timeouts with the configured backoff, and never retries conditional writes.
/// </remarks>
public abstract class StorageClientOptions : ClientOptions
{
    /// <summary>The clock used for <c>x-ms-date</c> and for polling delays. Defaults to <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The <c>x-ms-version</c> header value. Defaults to <see cref="StorageServiceVersion.V2025_01_05"/>.</summary>
    public string ServiceVersion { get; set; } = StorageServiceVersion.V2025_01_05;
}
