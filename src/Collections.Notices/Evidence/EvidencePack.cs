namespace Collections.Notices.Evidence;

/// <summary>The two documents of an evidence pack with their SHA-256 (lower-case hex of the UTF-8 bytes).</summary>
/// <param name="Json">Machine-readable pack (schema <c>collections-evidence-pack/1</c>).</param>
/// <param name="Html">The same facts for people; every value escaped.</param>
/// <param name="JsonSha256">Hash of <paramref name="Json"/>.</param>
/// <param name="HtmlSha256">Hash of <paramref name="Html"/>.</param>
/// <param name="BlobPrefix">Suggested name prefix in the <c>evidence</c> container: <c>&lt;entity&gt;/&lt;customer&gt;/&lt;case&gt;/&lt;yyyyMMddTHHmmssZ&gt;</c>.</param>
public sealed record EvidencePack(string Json, string Html, string JsonSha256, string HtmlSha256, string BlobPrefix);
