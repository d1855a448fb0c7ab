/**
 * Loads every fact source credit ratings use. Capabilities whose facts are read here (front desk,
 * supply-matching) add one import line each once they exist.
 */
import './facts-registry';
import './facts-ledger';
import './facts-credit';
import './facts-requests';
