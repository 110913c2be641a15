<?php
// Run by scripts/wordpress with PHP's command line: installs the blog if
// it is not installed yet, then prints a fresh application password for
// its administrator (REST API, Basic authentication), one per run.
$_SERVER['HTTP_HOST'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
// The installer mails the administrator; this machine has no mail.
function wp_new_blog_notification() {}
define('WP_INSTALLING', !empty($argv[1]) && $argv[1] === 'install');
require '/usr/share/wordpress/wp-load.php';
if (WP_INSTALLING) {
    require_once ABSPATH . 'wp-admin/includes/upgrade.php';
    if (!is_blog_installed()) {
        $result = wp_install('A finance blog', 'editor', 'editor@example.org', true, '', wp_generate_password(24));
        if (is_wp_error($result)) { fwrite(STDERR, $result->get_error_message() . "\n"); exit(1); }
    }
    exit(0);
}
$user = get_user_by('login', 'editor');
if (!$user) { fwrite(STDERR, "no user 'editor': install first\n"); exit(1); }
WP_Application_Passwords::delete_all_application_passwords($user->ID);
$created = WP_Application_Passwords::create_new_application_password($user->ID, ['name' => 'end-to-end tests']);
if (is_wp_error($created)) { fwrite(STDERR, $created->get_error_message() . "\n"); exit(1); }
echo $created[0];
