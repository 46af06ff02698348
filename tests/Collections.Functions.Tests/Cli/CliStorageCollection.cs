using Collections.TestSupport;

namespace Collections.Functions.Tests.Cli;

[CollectionDefinition(Name)]
public sealed class CliStorageCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "CliStorage";
}
