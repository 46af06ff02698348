using Collections.TestSupport;

namespace Collections.Host.Tests.Hosting;

/// <summary>Host tests sharing one Azurite (run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class HostingCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Hosting (Azurite)";
}
