using MjBot.Core.Prompting;
using MjBot.ModelHub;

namespace MjBot.Cli;

/// <summary>The arguments of <c>mjbot models add</c>: the repo and the alias (by default the repo's name, made into an
/// alias <c>--model</c> accepts).</summary>
internal sealed record ModelsAddArguments(HubRepository Repository, string Alias)
{
    public static bool TryParse(string[] args, out ModelsAddArguments arguments, out string problem)
    {
        arguments = null!;
        string? repo = null;
        string? alias = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--as")
            {
                if (i + 1 >= args.Length)
                {
                    problem = "mjbot models add: --as needs a name, e.g. --as sdxl-turbo.";
                    return false;
                }

                alias = args[++i];
            }
            else if (repo is null && !args[i].StartsWith('-'))
            {
                repo = args[i];
            }
            else
            {
                problem = $"mjbot models add: \"{args[i]}\" is not understood.";
                return false;
            }
        }

        if (repo is null)
        {
            problem = "mjbot models add: name the repo, e.g. mjbot models add stabilityai/sdxl-turbo.";
            return false;
        }

        if (!HubRepository.TryParse(repo, out var repository, out problem))
        {
            problem = "mjbot models add: " + problem;
            return false;
        }

        alias ??= ModelAliasName.From(repository.Name);
        if (!ModelAliasName.IsWellFormed(alias) || !char.IsAsciiLetterOrDigit(alias[0]))
        {
            problem = $"mjbot models add: \"{alias}\" cannot be a model alias: use lower-case letters, digits, '.', '_' and '-' (what --model accepts), starting with a letter or digit, e.g. --as {ModelAliasName.From(alias)}.";
            return false;
        }

        arguments = new ModelsAddArguments(repository, alias);
        problem = string.Empty;
        return true;
    }
}
