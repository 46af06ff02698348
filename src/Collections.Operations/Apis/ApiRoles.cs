namespace Collections.Operations.Apis;

/// <summary>The two API roles and the policies that require them.</summary>
internal static class ApiRoles
{
    /// <summary>May read everything.</summary>
    public const string Reader = "reader";

    /// <summary>May read and act (raise events, terminate, retry, purge).</summary>
    public const string Operator = "operator";

    /// <summary>Policy: a reader or operator key.</summary>
    public const string ReadPolicy = "ApiRead";

    /// <summary>Policy: an operator key.</summary>
    public const string ActPolicy = "ApiAct";

    /// <summary>The authentication scheme name.</summary>
    public const string Scheme = "FunctionsKey";

    /// <summary>The header carrying the key, as in Azure Functions.</summary>
    public const string KeyHeader = "x-functions-key";

    /// <summary>The query parameter carrying the key, as in Azure Functions.</summary>
    public const string KeyQuery = "code";
}
