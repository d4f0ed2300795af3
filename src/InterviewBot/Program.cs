using InterviewBot.Cli;

return await InterviewBotCli.Create().Parse(args).InvokeAsync().ConfigureAwait(false);
