namespace Collections.Host.Tests.Infra;

/// <summary>The two ways infra lets the app reach ACS (main.bicep parameter <c>acsAccess</c>).</summary>
public enum AcsAccess
{
    /// <summary>Managed identity, bearer tokens.</summary>
    Identity,

    /// <summary>Connection string kept in Key Vault.</summary>
    KeyVault,
}
