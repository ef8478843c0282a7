# One broker in a container instance on a private subnet: reachable from the workers only.
resource "azurerm_container_group" "rabbitmq" {
  name                = "${var.prefix}-rabbitmq"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  os_type             = "Linux"
  ip_address_type     = "Private"
  subnet_ids          = [azurerm_subnet.broker.id]

  container {
    name   = "rabbitmq"
    image  = "rabbitmq:3.10-management"
    cpu    = 1
    memory = 2

    environment_variables = {
      RABBITMQ_DEFAULT_USER  = "clip"
      RABBITMQ_DEFAULT_VHOST = "clip"
    }

    secure_environment_variables = {
      RABBITMQ_DEFAULT_PASS = var.rabbitmq_password
    }

    ports {
      port     = 5672
      protocol = "TCP"
    }
  }
}
