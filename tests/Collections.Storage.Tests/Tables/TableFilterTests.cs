using Collections.Storage.Tables;

namespace Collections.Storage.Tests.Tables;

public sealed class TableFilterTests
{
    [Fact]
    public void Create_StringWithQuote_DoubledAndQuoted()
    {
        var pk = "O'Brien";
        Assert.Equal("PartitionKey eq 'O''Brien'", TableFilter.Create($"PartitionKey eq {pk}"));
    }

    [Fact]
    public void Create_InjectionAttempt_StaysOneLiteral()
    {
        var evil = "x' or RowKey ne '";
        Assert.Equal("RowKey eq 'x'' or RowKey ne '''", TableFilter.Create($"RowKey eq {evil}"));
    }

    [Fact]
    public void Create_TypedValues_TypedLiterals()
    {
        var when = new DateTimeOffset(2024, 3, 1, 14, 0, 0, TimeSpan.FromHours(2));
        var id = Guid.Parse("c9da6455-213d-42c9-9a79-3e9149a57833");
        var filter = TableFilter.Create($"Due ge {when} and Id eq {id} and Big eq {9007199254740993L} and N lt {10} and R gt {1.0} and F eq {true} and B eq {new byte[] { 1, 2, 3, 255 }}");
        Assert.Equal(
            "Due ge datetime'2024-03-01T12:00:00.0000000Z' and Id eq guid'c9da6455-213d-42c9-9a79-3e9149a57833' and Big eq 9007199254740993L and N lt 10 and R gt 1.0 and F eq true and B eq X'010203ff'",
            filter);
    }

    [Fact]
    public void Literal_UnsupportedType_Throws()
    {
        Assert.Throws<ArgumentException>(() => TableFilter.Literal(new object()));
    }
}
