namespace Collections.TestSupport;

/// <summary>How long a test waits for a case on the local Durable runtime before it fails.</summary>
public static class DurableWait
{
    /// <summary>
    /// Bounds a failure only; a passing wait ends as soon as its condition holds (seconds on a quiet machine). It is
    /// longer than the Azure Storage backend's 5-minute queue visibility timeout: on this 2-core machine under heavy
    /// load (the API suite's host, Chromium and other runs beside it) a message a worker had dequeued can come back
    /// only after that timeout (two hosts racing on one hub under load once waited more than 3 minutes, cause not traced;
    /// a partition lease lost while a worker fell behind would look like this). The case still gets there, exactly once, which is what the tests assert.
    /// </summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(6);
}
