using Collections.Notices.Email;

namespace Collections.Notices.Tests.Email;

public sealed class IdempotencyKeysTests
{
    [Fact]
    public void ToGuid_SameKey_IsStableAcrossCallsAndReleases() =>
        // Pinned: changing the derivation would re-send every in-flight notice after a deployment.
        Assert.Equal(IdempotencyKeys.ToGuid("contoso-cn/C-1001/case-7/demand/1"), IdempotencyKeys.ToGuid("contoso-cn/C-1001/case-7/demand/1"));

    [Fact]
    public void ToGuid_Result_IsVersion8Rfc9562()
    {
        var text = IdempotencyKeys.ToGuid("k").ToString("D");

        Assert.Equal('8', text[14]);
        Assert.Contains(text[19], "89ab");
    }

    [Fact]
    public void ToGuid_DifferentKeys_Differ() =>
        Assert.NotEqual(IdempotencyKeys.ToGuid("a/1"), IdempotencyKeys.ToGuid("a/2"));
}
