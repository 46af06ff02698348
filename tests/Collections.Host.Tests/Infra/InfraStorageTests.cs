using Collections.Host.Hosting;
using Collections.Operations.Hosting;

namespace Collections.Host.Tests.Infra;

/// <summary>
/// Holds infra/modules/storage.bicep and the app's storage together: every container, queue and table in
/// <see cref="StorageNames"/> is created, each storage service the app uses has a data role for the app's identity,
/// shared keys are off and nothing in infra falls back to them.
/// </summary>
public sealed class InfraStorageTests
{
    private const string StorageModule = "infra/modules/storage.bicep";

    // Data-plane roles that grant what the app does with each service (built-in role definition ids).
    private static readonly Dictionary<string, string[]> SufficientRoles = new(StringComparer.Ordinal)
    {
        ["blob"] = ["b7e6dc6d-f1e8-4753-8033-0f276bb0955b" /* Storage Blob Data Owner */],
        ["queue"] = ["974c5e8b-45b9-4653-ba55-5f855dd0fb88" /* Storage Queue Data Contributor */],
        ["table"] = ["0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3" /* Storage Table Data Contributor */],
    };

    private static BicepFile Storage => RepositoryFiles.Bicep(StorageModule);

    [Fact]
    public void Containers_EveryStorageName_CreatedByInfra()
    {
        var created = Storage.VarStringArray("containerNames");
        Assert.Empty(StorageNames.Containers.Except(created, StringComparer.Ordinal));
        Assert.Contains(Storage.Resources, r => r.Type == "Microsoft.Storage/storageAccounts/blobServices/containers" && r.Body.Contains("for name in containerNames", StringComparison.Ordinal));
    }

    [Fact]
    public void Queues_EveryStorageName_CreatedByInfra()
    {
        var created = Storage.VarStringArray("queueNames");
        Assert.Empty(StorageNames.Queues.Except(created, StringComparer.Ordinal));
        Assert.Contains(Storage.Resources, r => r.Type == "Microsoft.Storage/storageAccounts/queueServices/queues" && r.Body.Contains("for name in queueNames", StringComparison.Ordinal));
    }

    [Fact]
    public void Tables_EveryStorageName_CreatedByInfra()
    {
        var created = Storage.VarStringArray("tableNames");
        Assert.Empty(StorageNames.Tables.Except(created, StringComparer.Ordinal));
        Assert.Contains(Storage.Resources, r => r.Type == "Microsoft.Storage/storageAccounts/tableServices/tables" && r.Body.Contains("for name in tableNames", StringComparison.Ordinal));
    }

    [Fact]
    public void StorageNames_InfraCreatesNothingTheAppDoesNotKnow()
    {
        // Extra names would mean the app renamed something and infra kept the old name.
        Assert.Empty(Storage.VarStringArray("containerNames").Except(StorageNames.Containers, StringComparer.Ordinal));
        Assert.Empty(Storage.VarStringArray("queueNames").Except(StorageNames.Queues, StringComparer.Ordinal));
        Assert.Empty(Storage.VarStringArray("tableNames").Except(StorageNames.Tables, StringComparer.Ordinal));
    }

    [Fact]
    public void RoleAssignments_EachStorageServiceUsed_HasADataRoleForTheAppIdentity()
    {
        var used = new List<string>();
        if (StorageNames.Containers.Length > 0)
        {
            used.Add("blob");
        }

        if (StorageNames.Queues.Length > 0)
        {
            used.Add("queue");
        }

        if (StorageNames.Tables.Length > 0)
        {
            used.Add("table");
        }

        var appRoles = Storage.VarBlock("appRoles", '[');
        foreach (var service in used)
        {
            Assert.True(
                SufficientRoles[service].Any(id => appRoles.Contains($"service: '{service}'", StringComparison.Ordinal) && appRoles.Contains($"id: '{id}'", StringComparison.Ordinal)),
                $"{StorageModule}: appRoles has no {service} data role for the app");
        }

        // The roles are assigned, at the account, to the principal main.bicep passes: the identity the app runs as.
        var assignment = Assert.Single(Storage.Resources, r => r.Symbol == "appRoleAssignments");
        Assert.Equal("Microsoft.Authorization/roleAssignments", assignment.Type);
        Assert.Contains("for role in appRoles", assignment.Body, StringComparison.Ordinal);
        Assert.Contains("principalId: appPrincipalId", assignment.Body, StringComparison.Ordinal);
        Assert.Contains("scope: account", assignment.Body, StringComparison.Ordinal);

        var main = RepositoryFiles.Bicep("infra/main.bicep");
        var storageModule = Assert.Single(main.Modules, m => m.Path == "modules/storage.bicep");
        var appModule = Assert.Single(main.Modules, m => m.Path == "modules/functionapp.bicep");
        Assert.Contains("appPrincipalId: appIdentity.properties.principalId", storageModule.Body, StringComparison.Ordinal);
        Assert.Contains("identityId: appIdentity.id", appModule.Body, StringComparison.Ordinal);
        Assert.Contains("identityClientId: appIdentity.properties.clientId", appModule.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void StorageAccount_SharedKeyAccess_Disabled()
    {
        var account = Assert.Single(Storage.Resources, r => r.Type == "Microsoft.Storage/storageAccounts");
        Assert.Contains("allowSharedKeyAccess: false", account.Body, StringComparison.Ordinal);
        Assert.Contains("allowBlobPublicAccess: false", account.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void AppSettings_HostStorage_IdentityBasedOnly()
    {
        var settings = InfraAppSettings.Entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.OrdinalIgnoreCase);

        Assert.False(settings.ContainsKey("AzureWebJobsStorage"), "AzureWebJobsStorage as a connection string needs a shared key");
        Assert.Equal("managedidentity", BicepFile.Literal(settings["AzureWebJobsStorage__credential"]));
        Assert.Contains("AzureWebJobsStorage__clientId", settings.Keys);
        foreach (var service in new[] { "blob", "queue", "table" })
        {
            Assert.Contains($"AzureWebJobsStorage__{service}ServiceUri", settings.Keys);
        }

        // Nothing in infra uses, lists or builds an account key.
        foreach (var file in Directory.EnumerateFiles(RepositoryFiles.PathOf("infra"), "*.bicep", SearchOption.AllDirectories))
        {
            var code = new BicepFile(file, File.ReadAllText(file)).Code;
            Assert.DoesNotContain("AccountKey", code, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("account.listKeys", code, StringComparison.Ordinal);
            Assert.DoesNotContain("StorageAccountConnectionString", code, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void FlexDeploymentStorage_UsesTheAppIdentity()
    {
        var site = Assert.Single(InfraAppSettings.Module.Resources, r => r.Type == "Microsoft.Web/sites");
        Assert.Contains("type: 'UserAssignedIdentity'", site.Body, StringComparison.Ordinal);
        Assert.Contains("userAssignedIdentityResourceId: identityId", site.Body, StringComparison.Ordinal);
        Assert.Contains("name: 'dotnet-isolated'", site.Body, StringComparison.Ordinal);
        Assert.Contains("version: '10.0'", site.Body, StringComparison.Ordinal);
        Assert.Contains("kind: 'functionapp,linux'", site.Body, StringComparison.Ordinal);
        Assert.Contains("tier: 'FlexConsumption'", InfraAppSettings.Module.Code, StringComparison.Ordinal);
    }
}
