using Azure.Core;

namespace Collections.Host.Tests.Infra;

/// <summary>A token credential that hands out a fixed token and records the scopes asked for (the managed identity's stand-in).</summary>
internal sealed class FakeTokenCredential : TokenCredential
{
    public const string Token = "fake-managed-identity-token";

    public List<string> Scopes { get; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (Scopes)
        {
            Scopes.AddRange(requestContext.Scopes);
        }

        return new AccessToken(Token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(GetToken(requestContext, cancellationToken));
}
