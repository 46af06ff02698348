namespace Collections.Storage;

/// <summary>The REST API version sent as <c>x-ms-version</c> on every request.</summary>
public static class StorageServiceVersion
{
    /// <summary>2025-01-05: accepted by Azure and by Azurite 3.35.</summary>
    public const string V2025_01_05 = "2025-01-05";
}
