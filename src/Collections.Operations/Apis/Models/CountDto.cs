namespace Collections.Operations.Apis.Models;

/// <summary>A labelled count.</summary>
internal sealed record CountDto(string Key, int Count);
