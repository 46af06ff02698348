using Collections.Storage.Tables;
using Collections.Storage.Tests.Support;

namespace Collections.Storage.Tests.Tables;

public sealed class TableLimitsTests
{
    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\u0001b")]
    [InlineData("a\tb")]
    [InlineData("a\u007Fb")]
    [InlineData("a\u009Fb")]
    public void ValidateKey_ForbiddenCharacter_Throws(string key)
    {
        var ex = Assert.Throws<ArgumentException>(() => TableLimits.ValidateKey(key, "RowKey"));
        Assert.Contains("RowKey contains", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateKey_Length_512AcceptedAnd513Rejected()
    {
        TableLimits.ValidateKey(new string('k', 512), "PartitionKey");
        Assert.Throws<ArgumentException>(() => TableLimits.ValidateKey(new string('k', 513), "PartitionKey"));
    }

    [Fact]
    public void ValidateEntity_253Properties_Throws()
    {
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < 253; i++)
        {
            entity["P" + i] = i;
        }

        Assert.Contains("253 custom properties", Assert.Throws<ArgumentException>(() => TableLimits.ValidateEntity(entity)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateEntity_StringOver32KChars_Throws()
    {
        var entity = new TableEntity("p", "r") { ["S"] = new string('x', 32 * 1024 + 1) };
        Assert.Throws<ArgumentException>(() => TableLimits.ValidateEntity(entity));
        entity["S"] = new string('x', 32 * 1024);
        TableLimits.ValidateEntity(entity);
    }

    [Fact]
    public void ValidateEntity_Over1MiB_Throws()
    {
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < 17; i++)
        {
            entity["B" + i] = new byte[64 * 1024];
        }

        Assert.Contains("1 MiB", Assert.Throws<ArgumentException>(() => TableLimits.ValidateEntity(entity)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1abc")]
    [InlineData("has-dash")]
    [InlineData("with space")]
    public void ValidateEntity_BadPropertyName_Throws(string name)
    {
        var entity = new TableEntity("p", "r") { [name] = 1 };
        Assert.Throws<ArgumentException>(() => TableLimits.ValidateEntity(entity));
    }

    [Fact]
    public async Task AddEntity_InvalidKey_NothingSent()
    {
        var transport = new RecordingTransport();
        await Assert.ThrowsAsync<ArgumentException>(() => FakeClients.Table(transport).GetTableClient("tab1").AddEntityAsync(new TableEntity("p", "a/b")));
        Assert.Empty(transport.Requests);
    }

    [Fact]
    public void Indexer_UnsupportedType_Throws()
    {
        var entity = new TableEntity("p", "r");
        Assert.Throws<ArgumentException>(() => entity["D"] = 1.5m);
    }
}
