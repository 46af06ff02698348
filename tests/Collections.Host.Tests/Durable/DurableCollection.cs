using Collections.TestSupport;

namespace Collections.Host.Tests.Durable;

/// <summary>Tests of the local Durable runtime, on an Azurite of their own.</summary>
[CollectionDefinition(Name)]
public sealed class DurableCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Durable runtime (Azurite)";
}
