using Microsoft.AspNetCore.Authorization;

namespace Collections.Functions.Api;

/// <summary>
/// One route of the operations API as data: the function (and endpoint) name, the HTTP method, the template without
/// a leading slash (host.json's route prefix is empty, so it is the full path) and the authorization policies it
/// requires (none: anonymous). Both hosts serve the same list.
/// </summary>
internal sealed record ApiRoute(string Name, string Method, string Template, IReadOnlyList<string> Policies)
{
    /// <summary>The policies as ASP.NET Core authorization data, combined the way the authorization middleware does.</summary>
    public IReadOnlyList<IAuthorizeData> AuthorizeData { get; } = [.. Policies.Select(p => new AuthorizeAttribute(p))];

    /// <summary>The route parameter names of the template (<c>{instanceId}</c> gives <c>instanceId</c>).</summary>
    public IReadOnlyList<string> Parameters { get; } =
        [.. Template.Split('/').Where(s => s.StartsWith('{') && s.EndsWith('}')).Select(s => s[1..^1].TrimStart('*').Split(':', '?')[0])];
}
