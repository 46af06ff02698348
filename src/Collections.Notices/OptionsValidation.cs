using System.ComponentModel.DataAnnotations;

namespace Collections.Notices;

/// <summary>Runs data-annotation validation over an options object and its nested option objects, collecting every problem.</summary>
internal static class OptionsValidation
{
    public static void Collect(object options, string prefix, List<string> problems)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        foreach (var r in results)
        {
            var members = r.MemberNames.Any() ? string.Join(", ", r.MemberNames.Select(m => prefix + m)) : prefix.TrimEnd(':');
            problems.Add($"{members}: {r.ErrorMessage}");
        }
    }

    public static void ThrowIfAny(string section, List<string> problems)
    {
        if (problems.Count > 0)
        {
            throw new NoticesConfigurationException(
                $"{section} options are invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "- " + p)));
        }
    }
}
