namespace Collections.Host.Tests.Apis;

/// <summary>API and browser tests share one host (on Kestrel) over one Azurite, seeded once.</summary>
[CollectionDefinition(Name)]
public sealed class OperationsCollection : ICollectionFixture<OperationsHostFixture>
{
    public const string Name = "OperationsHost";
}
