namespace Collections.Functions.Tests.Api;

/// <summary>What a caller of an HTTP function sees: status, content type, body and the nosniff header.</summary>
internal sealed record TestAnswer(int Status, string? ContentType, string Body, string NoSniff);
