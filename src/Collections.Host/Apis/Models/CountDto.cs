namespace Collections.Host.Apis.Models;

/// <summary>A labelled count.</summary>
internal sealed record CountDto(string Key, int Count);
