using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Collections.Domain.Policy;
using Collections.Pipeline.Cases;

namespace Collections.Pipeline.Orchestration;

/// <summary>
/// The dunning policies a host knows, by version (a hash of the policy's content). A case instance records
/// the version it runs with in its input, so a replay decides with the same policy; a generation started by
/// ContinueAsNew adopts the current one. An unknown version (the policy changed and the old one is no longer
/// loaded) runs with the current policy.
/// </summary>
public sealed class PolicyCatalog
{
    private readonly Dictionary<string, DunningPolicy> _byVersion = new(StringComparer.Ordinal);

    /// <summary>Creates a catalog whose current policy is <paramref name="current"/>; earlier versions may be kept for replays.</summary>
    public PolicyCatalog(DunningPolicy current, IEnumerable<DunningPolicy>? earlier = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        foreach (var policy in earlier ?? [])
        {
            _byVersion[VersionOf(policy)] = policy;
        }

        Current = current;
        CurrentVersion = VersionOf(current);
        _byVersion[CurrentVersion] = current;
    }

    /// <summary>The policy new cases and new generations run with.</summary>
    public DunningPolicy Current { get; }

    /// <summary>The version of <see cref="Current"/>.</summary>
    public string CurrentVersion { get; }

    /// <summary>The policy of a version, or the current one when the version is not loaded.</summary>
    public DunningPolicy Resolve(string? version) =>
        version is not null && _byVersion.TryGetValue(version, out var policy) ? policy : Current;

    /// <summary>The version of a policy: the first 16 hex digits of the SHA-256 of its JSON form.</summary>
    public static string VersionOf(DunningPolicy policy)
    {
        var json = JsonSerializer.Serialize(policy, CaseJson.Options);
        return "p-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)).AsSpan(0, 8));
    }
}
