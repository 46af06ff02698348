using Collections.Notices.Email.Acs;

namespace Collections.Notices.Tests.Email.Acs;

public sealed class AcsConnectionStringTests
{
    [Theory]
    [InlineData("endpoint=https://contoso.communication.azure.com/;accesskey=c2VjcmV0")]
    [InlineData("AccessKey=c2VjcmV0; Endpoint=https://contoso.communication.azure.com/ ;")]
    public void TryParse_Valid_ReturnsEndpointAndKey(string value)
    {
        Assert.True(AcsConnectionString.TryParse(value, out var parsed, out var error), error);
        Assert.Equal(new Uri("https://contoso.communication.azure.com/"), parsed!.Endpoint);
        Assert.Equal("c2VjcmV0", parsed.AccessKey);
    }

    [Theory]
    [InlineData("", "'endpoint' must be an absolute http(s) URI")]
    [InlineData("endpoint=contoso;accesskey=c2VjcmV0", "'endpoint' must be an absolute http(s) URI")]
    [InlineData("endpoint=https://x/;accesskey=not base64!", "'accesskey' must be a base64 key")]
    [InlineData("endpoint=https://x/;garbage", "each part must be name=value")]
    public void TryParse_Invalid_SaysWhy(string value, string expected)
    {
        Assert.False(AcsConnectionString.TryParse(value, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void ToString_NeverShowsTheKey() =>
        Assert.DoesNotContain("c2VjcmV0", AcsConnectionString.Parse("endpoint=https://x/;accesskey=c2VjcmV0").ToString(), StringComparison.Ordinal);
}
