variable "prefix" {
  description = "Short lower-case name prefix for every resource (letters and digits, at most 10)."
  type        = string
  default     = "clippipe"

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{1,9}$", var.prefix))
    error_message = "prefix must be 2 to 10 lower-case letters or digits, starting with a letter."
  }
}

variable "location" {
  description = "Azure region; it must offer the worker SKU."
  type        = string
  default     = "westeurope"
}

variable "postgres_admin_password" {
  description = "Password of the PostgreSQL administrator `clip`."
  type        = string
  sensitive   = true

  validation {
    condition     = length(var.postgres_admin_password) >= 12 && !can(regex("[;'\"]", var.postgres_admin_password))
    error_message = "The password needs at least 12 characters and no ; or quote: it goes into a connection string."
  }
}

variable "rabbitmq_password" {
  description = "Password of the RabbitMQ user `clip`."
  type        = string
  sensitive   = true
}

variable "worker_sku" {
  description = "GPU VM size of the workers (NC-series: one NVIDIA T4 in the default)."
  type        = string
  default     = "Standard_NC4as_T4_v3"
}

variable "worker_count" {
  description = "Number of worker VMs; each runs one worker process."
  type        = number
  default     = 1
}

variable "worker_image" {
  description = "Container image of the worker, pulled by each worker VM."
  type        = string
}

variable "ssh_public_key" {
  description = "SSH public key for the `clip` user on the worker VMs."
  type        = string
}
