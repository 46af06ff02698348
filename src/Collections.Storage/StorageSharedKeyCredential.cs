namespace Collections.Storage;

/// <summary>An account name and its Shared Key. The key never appears in <see cref="ToString"/> or in error messages.</summary>
public sealed class StorageSharedKeyCredential
{
    private readonly byte[] _key;

    /// <summary>Creates a credential from an account name and a Base64 account key.</summary>
    /// <exception cref="ArgumentException">The name is empty or the key is not valid Base64.</exception>
    public StorageSharedKeyCredential(string accountName, string accountKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        ArgumentException.ThrowIfNullOrWhiteSpace(accountKey);
        AccountName = accountName;
        try
        {
            _key = Convert.FromBase64String(accountKey);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException("The account key is not valid Base64.", nameof(accountKey), ex);
        }
    }

    /// <summary>The storage account name.</summary>
    public string AccountName { get; }

    internal string ComputeHmacSha256(string stringToSign) =>
        Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(_key, System.Text.Encoding.UTF8.GetBytes(stringToSign)));

    /// <inheritdoc />
    public override string ToString() => $"SharedKey({AccountName})";
}
