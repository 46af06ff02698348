namespace Collections.Host.Cli;

/// <summary>The parsed arguments of <c>upload</c>.</summary>
internal sealed record UploadArguments(string File, DateOnly? AsOf, string? Encoding, string? BlobName);
