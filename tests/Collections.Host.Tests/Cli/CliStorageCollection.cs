using Collections.TestSupport;

namespace Collections.Host.Tests.Cli;

[CollectionDefinition(Name)]
public sealed class CliStorageCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "CliStorage";
}
