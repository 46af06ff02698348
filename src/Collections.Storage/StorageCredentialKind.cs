namespace Collections.Storage;

/// <summary>How requests of a <see cref="StorageConnection"/> are authorized.</summary>
public enum StorageCredentialKind
{
    /// <summary>Shared Key (account key): blob and queue use SharedKey, table uses SharedKeyLite.</summary>
    SharedKey,

    /// <summary>A shared access signature appended to every request URL.</summary>
    SharedAccessSignature,

    /// <summary>Microsoft Entra ID bearer tokens from an Azure.Core <see cref="Azure.Core.TokenCredential"/>.</summary>
    Token,
}
