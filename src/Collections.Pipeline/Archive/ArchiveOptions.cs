using System.ComponentModel.DataAnnotations;

namespace Collections.Pipeline.Archive;

/// <summary>Where the archive lives and how large its blobs grow.</summary>
public sealed class ArchiveOptions
{
    /// <summary>The blob container (immutable in Azure: infra sets a time-based retention policy on it). Default <c>archive</c>.</summary>
    [Required]
    public string Container { get; set; } = "archive";

    /// <summary>The index table: one row per archived case id. Default <c>ArchiveIndex</c>.</summary>
    [Required]
    public string IndexTable { get; set; } = "ArchiveIndex";

    /// <summary>Cases per archive blob (one run writes as many blobs as it needs). Default 200.</summary>
    [Range(1, 10_000)]
    public int MaxCasesPerBlob { get; set; } = 200;
}
