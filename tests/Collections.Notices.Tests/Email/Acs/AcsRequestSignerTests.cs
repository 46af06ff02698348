using System.Text;
using Collections.Notices.Email.Acs;

namespace Collections.Notices.Tests.Email.Acs;

/// <summary>The HMAC test vector of docs/notices.md, computed independently with Python's hmac and openssl.</summary>
public sealed class AcsRequestSignerTests
{
    private const string AccessKey = "Y29sbGVjdGlvbnMtbm90aWNlcy1obWFjLXRlc3Qta2V5LTIwMjYh";
    private const string Date = "Fri, 12 Jun 2026 01:00:00 GMT";
    private const string Host = "contoso.communication.azure.com";
    private const string PathAndQuery = "/emails:send?api-version=2023-03-31";
    private const string Body = """{"senderAddress":"DoNotReply@contoso.com","content":{"subject":"Test"},"recipients":{"to":[{"address":"ap@debtor.example"}]}}""";

    [Fact]
    public void ContentHash_VectorBody_MatchesIndependentComputation() =>
        Assert.Equal("2Vr4xSPwOUXE6sDNVq0I/FxVMzIMwN/Yz3IxeYCKgbo=", AcsRequestSigner.ContentHash(Encoding.UTF8.GetBytes(Body)));

    [Fact]
    public void ContentHash_NoBody_IsHashOfEmptyString() =>
        Assert.Equal("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", AcsRequestSigner.ContentHash([]));

    [Fact]
    public void Signature_Vector_MatchesIndependentComputation()
    {
        var stringToSign = AcsRequestSigner.StringToSign("POST", PathAndQuery, Date, Host, "2Vr4xSPwOUXE6sDNVq0I/FxVMzIMwN/Yz3IxeYCKgbo=");

        Assert.Equal($"POST\n{PathAndQuery}\n{Date};{Host};2Vr4xSPwOUXE6sDNVq0I/FxVMzIMwN/Yz3IxeYCKgbo=", stringToSign);
        Assert.Equal("cg46QL/+qkSnbblSWd4JKYza2+GZw41gKUzfw5RICDA=", AcsRequestSigner.Signature(stringToSign, AccessKey));
        Assert.Equal(
            "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=cg46QL/+qkSnbblSWd4JKYza2+GZw41gKUzfw5RICDA=",
            AcsRequestSigner.Authorization("cg46QL/+qkSnbblSWd4JKYza2+GZw41gKUzfw5RICDA="));
    }
}
