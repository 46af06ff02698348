using System.Text;

namespace Collections.Storage.Tests.Support;

public sealed record RecordedRequest(string Method, string Uri, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string RequestLine => Method + " " + new Uri(Uri).PathAndQuery;

    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
