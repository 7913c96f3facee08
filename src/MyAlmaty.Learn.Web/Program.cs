using MyAlmaty.Learn.Web;

return await SiteCommands.Create().Parse(args).InvokeAsync();
