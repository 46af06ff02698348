namespace Collections.Operations.Apis.Models;

/// <summary>The latest evidence pack of a case: API links that stream its HTML and JSON documents.</summary>
internal sealed record EvidenceLinkDto(string Blob, string Html, string Json);
