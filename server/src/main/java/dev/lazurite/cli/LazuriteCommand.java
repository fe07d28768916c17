package dev.lazurite.cli;

import picocli.CommandLine.Command;

@Command(
    name = "lazurite",
    mixinStandardHelpOptions = true,
    version = "lazurite 0.1.0",
    description = "A self-hostable Azure OpenAI Service.",
    subcommands = {
      ServeCommand.class,
      DeploymentCommand.class,
      BackendCommand.class,
      KeysCommand.class,
      AccountCommand.class,
      UsageCommand.class,
      CertCommand.class,
      IdentityCommand.class,
      RoleCommand.class,
      PrivateEndpointCommand.class,
      DnsCommand.class,
      SearchCommand.class,
      IndexCommand.class,
      RaiPolicyCommand.class,
      RaiBlocklistCommand.class,
      SafetyCommand.class,
      GroupCommand.class,
      TrainCommand.class,
      FileCommand.class,
      BatchCommand.class,
      AuditCommand.class,
      CostCommand.class,
      PriceCommand.class
    })
public final class LazuriteCommand {}
