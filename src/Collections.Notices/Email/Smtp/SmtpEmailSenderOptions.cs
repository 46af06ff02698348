using System.ComponentModel.DataAnnotations;

namespace Collections.Notices.Email.Smtp;

/// <summary>
/// Options of <see cref="SmtpEmailSender"/> (section <c>Notices:Smtp</c>). Locally MailDev
/// (<c>UseStartTls=false</c>, no credentials); in Azure the ACS relay <c>smtp.azurecomm.net:587</c> with
/// STARTTLS and Entra app credentials.
/// </summary>
public sealed class SmtpEmailSenderOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Notices:Smtp";

    /// <summary>SMTP host.</summary>
    [Required]
    public string Host { get; set; } = string.Empty;

    /// <summary>SMTP port. Default 587.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>Upgrade the connection with STARTTLS (required by the ACS relay). Default true.</summary>
    public bool UseStartTls { get; set; } = true;

    /// <summary>User name; null for an unauthenticated relay.</summary>
    public string? UserName { get; set; }

    /// <summary>Password (a secret: comes from Key Vault or the environment, never from a committed file).</summary>
    public string? Password { get; set; }

    /// <summary>The From address.</summary>
    [Required]
    [EmailAddress]
    public string SenderAddress { get; set; } = string.Empty;

    /// <summary>The From display name.</summary>
    public string? SenderDisplayName { get; set; }

    /// <summary>Domain of generated Message-IDs; defaults to the sender address's domain.</summary>
    public string? MessageIdDomain { get; set; }

    /// <summary>Timeout of one send. Default 60 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Validates every property.</summary>
    /// <exception cref="NoticesConfigurationException">Listing every problem.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        OptionsValidation.Collect(this, string.Empty, problems);
        if (string.IsNullOrEmpty(UserName) != string.IsNullOrEmpty(Password))
        {
            problems.Add("UserName, Password: set both or neither");
        }

        OptionsValidation.ThrowIfAny(SectionName, problems);
    }
}
